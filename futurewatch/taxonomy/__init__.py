"""The future-industry taxonomy as versioned data: model.py reads and checks the file, loader.py
stores a version in the database."""
