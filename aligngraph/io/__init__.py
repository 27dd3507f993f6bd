"""Reading OKR files: the only layer that touches the file system for input."""
