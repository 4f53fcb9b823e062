"""The interactive canvas: the scene that follows the document, the view, the mouse gestures."""
