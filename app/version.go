package app

// Version is the program's version; release builds set it with
// -ldflags "-X gongwen/app.Version=…" from FyneApp.toml.
var Version = "0.1.0"
