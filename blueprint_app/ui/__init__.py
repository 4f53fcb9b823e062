"""The Qt shell around the core: main window, actions, docks and dialogs."""
