"""What the editor does to a document without Qt.

The open session, clipboard fragments, placing new steps: the window calls these; the core
tests cover them without a display.
"""
