"""Timeline reconstruction core: Qt-free. Sources -> temporal -> events -> store -> export."""

__version__ = "0.1.0"
