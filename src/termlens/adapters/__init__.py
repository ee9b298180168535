"""Adapters at the edges: HTTP behind the URL guard, browser, readers, notifiers, Open Terms Archive."""
