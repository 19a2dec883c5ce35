"""The QA console web app (`hotline-qa console`)."""
