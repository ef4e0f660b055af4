"""Stage 4: output.  Features and layers, their validation and files, the
GIS exports and the web map."""
