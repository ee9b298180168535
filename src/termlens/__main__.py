"""`python -m termlens` runs the command line."""

from termlens.cli import main

main()
