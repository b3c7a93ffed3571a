"""SMP kiosk: front-desk check-in and aftercare calendars for scalp micropigmentation clinics."""

__version__ = "0.1.0"
