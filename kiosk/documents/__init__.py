"""Documents the client takes home: the PDF calendar and calendar files (.ics). No Qt here."""
