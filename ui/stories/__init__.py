"""The Stories layout: one mark per story, sized by its sources, conflicts side by side."""
