"""The typed fields of the layers, as every export writes them (docs/schema.md)."""

DATE_FIELDS = ("date_start", "date_end", "first_published", "last_published", "published", "published_until")
INT_FIELDS = ("source_count", "fatalities", "fatalities_high", "injuries", "injuries_high")
REAL_FIELDS = ("uncertainty_km", "area_km2")
BOOL_FIELDS = ("near", "approximate")
SOURCE_FIELDS = ("article", "title", "publisher", "published", "quote", "start", "end", "url")
