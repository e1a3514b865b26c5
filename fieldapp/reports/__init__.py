"""Documents and deliverables: PDFs, photo processing, XLSX and DXF. No Qt."""
