package cli

// importBook, template and exportTable are the spreadsheet verbs; they
// arrive with the spreadsheet import and export.

func (c *command) importBook(args []string) error {
	return usagef("导入功能尚未完成")
}

func (c *command) template(args []string) error {
	return usagef("模板功能尚未完成")
}

func (c *command) exportTable(book, format, out string) error {
	return usagef("暂只支持 --format json")
}
