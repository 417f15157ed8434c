from yulin_cli.app import main

# Guarded: import workers (spawned processes) import this module without running the CLI.
if __name__ == "__main__":
    main()
