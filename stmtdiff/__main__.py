from stmtdiff.frontends.cli.main import main

raise SystemExit(main())
