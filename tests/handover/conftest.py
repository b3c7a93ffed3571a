"""Fixtures for the hand-over tests; the servers behind them are in servers.py."""

from .servers import certificate, cups_env, cups_server, make_pdf, pdf_printer, smtp_server

__all__ = ["certificate", "cups_env", "cups_server", "make_pdf", "pdf_printer", "smtp_server"]
