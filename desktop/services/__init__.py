"""Services: verbs the UI and the command line call, each inside one unit of work."""
