"""termlens: what each vendor's terms let it do with your data, with evidence."""

__version__ = "0.1.0"
