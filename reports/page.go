package reports

import (
	"gongwen/app"
)

// today is the date printed as the day of issue; tests fix it.
var today = app.Today
