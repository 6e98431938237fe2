from stmtdiff.cli import main

raise SystemExit(main())
