"""Getting articles in and timelines out, from the window: ``imports`` (files, folders,
drops, a pasted article), ``exports`` (CSV, JSON, TimelineJS, images), ``publication``
(changing an article's publication date), each over a narrow Protocol of what it needs
from the window; ``facade.Transfer`` puts the three together for the menus."""
