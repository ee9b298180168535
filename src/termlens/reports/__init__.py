"""Reports: what a service's terms say, how they changed and what to do, as HTML, Markdown, PDF or JSON;
the portfolio of every service and policy checks over it."""
