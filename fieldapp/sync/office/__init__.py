"""The office receiver: device API, content-addressed blobs, review pages. Imported on demand."""
