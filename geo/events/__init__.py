"""Stage 3: events.  Incidents of a known type at a place on a date: triggers,
places, dates, casualties, actors, and the one same-event rule."""
