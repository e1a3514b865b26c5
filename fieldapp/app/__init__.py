"""The application layer the GUI and the CLI share: whole user actions over store and engines."""
