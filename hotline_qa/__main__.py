import sys

from hotline_qa.cli import main

sys.exit(main())
