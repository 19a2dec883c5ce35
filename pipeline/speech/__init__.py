"""The speech front end and models: audio decoding (the only module that reads audio), echo, own speech, Whisper, the voice encoder."""
