"""The main window and what belongs to it alone: menus, canvas host, context menu, find bar."""
