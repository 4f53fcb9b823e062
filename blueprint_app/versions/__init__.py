"""Blueprints shared through git (no Qt): a diff by id, a three-way merge, the git set-up.

Only the model and storage below it: what changed is a matter of the document, not of how it
is drawn or checked (the picture of a diff is drawn by pictures/changes.py, loaded by name).
"""
