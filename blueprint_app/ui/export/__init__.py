"""File ▸ Export… and Copy as Image.

The dialog, its options and preview, and the jobs that run exports off the window's thread.
"""
