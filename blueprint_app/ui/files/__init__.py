"""Files in the window: autosave and recovery, safe save, recent files and settings, templates."""
