"""Painting a blueprint with Qt: shared by the interactive canvas and the image exports."""
