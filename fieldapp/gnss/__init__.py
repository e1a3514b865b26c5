"""Device input: byte sources, sans-IO NMEA framing and epoch assembly, total stations."""
