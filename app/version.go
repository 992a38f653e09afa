package app

// Version is the program's version. It must equal Version in FyneApp.toml
// (the Windows package's version resource); a test checks that.
const Version = "0.1.0"
