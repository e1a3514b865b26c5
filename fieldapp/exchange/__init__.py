"""Point tables in and out: SK boundary tables, control lists, GeoJSON, KML, GPX, DXF."""
