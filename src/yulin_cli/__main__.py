from yulin_cli.cli import main

main()
