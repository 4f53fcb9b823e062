"""Files in the window: autosave and recovery, safe save, recent files, templates."""
