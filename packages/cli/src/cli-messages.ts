import type { CliLanguage } from './cli-language.js';

const en = {
  'help.program': 'Validate lead allocation flows and run them on spreadsheets.',
  'help.title.Usage:': 'Usage:',
  'help.title.Options:': 'Options:',
  'help.title.Commands:': 'Commands:',
  'help.title.Arguments:': 'Arguments:',
  'help.title.Global Options:': 'Global Options:',
  'help.version': 'print the version number',
  'help.help': 'show help for a command',
  'help.helpCommand': 'show help for a command',
  'help.lang': 'language of messages: zh-CN or en (default: from LANG)',
  'help.validate': 'check a flow file and print its problems; exits 1 when any is an error',
  'help.validate.flow': 'flow document (JSON, format sras.flow)',
  'help.validate.leads':
    'leads file the flow will run on; reports the columns that nodes read but the file lacks',
  'help.allocate': 'allocate the leads of a spreadsheet with a flow and write the result file',
  'help.allocate.flow': 'flow document (JSON)',
  'help.allocate.leads': 'leads: CSV, TSV, TXT, XLSX, XLS, or JSON (an array of records)',
  'help.allocate.reps':
    'sales team: JSON, or CSV/XLSX with the columns id,name,team,active,weight,capacity_day,capacity_week,capacity_month,unavailable,open_leads (or 编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索)',
  'help.allocate.out': 'result file: .csv (UTF-8 with BOM) or .xlsx',
  'help.allocate.existing':
    'customers that already have an owner: columns phone, email, company and owner_id',
  'help.allocate.state':
    'state saved by an earlier run (round-robin positions, quota counters, dedup keys)',
  'help.allocate.saveState': 'write the state after this run to this file',
  'help.allocate.now': 'allocation time, ISO 8601 or YYYY-MM-DD HH:mm (default: the current time)',
  'help.allocate.timeField': "lead field holding each lead's own allocation time",
  'help.allocate.map':
    'map columns to fields: 列名=field,… (for example 手机号码=phone,区域=province)',
  'help.allocate.summary': 'write counts per rep, node, edge and reason as JSON to this file',
  'help.allocate.sheet':
    'sheet of a workbook to read (name or 1-based number; default: the first with data)',
  'help.allocate.encoding':
    'encoding of a text file without a byte order mark: utf-8 or gb18030 (default: detected)',
  'help.allocate.keepPlaceholders':
    'keep placeholder values such as Select or 请选择 instead of reading them as empty',

  'error.prefix': 'Error: ',
  'error.usage': '{{message}}Run "sras {{command}}--help" for the options.',
  'error.unknownOption': 'unknown option {{option}}.',
  'error.missingArgument': 'missing argument {{argument}}.',
  'error.missingOption': 'missing option {{option}}.',
  'error.optionArgumentMissing': 'option {{option}} needs a value.',
  'error.unknownCommand': 'unknown command {{command}}.',
  'error.tooManyArguments': 'too many arguments.',
  'error.fileNotFound': '{{file}}: file not found. Check the path.',
  'error.fileUnreadable': '{{file}}: cannot be read ({{reason}}).',
  'error.jsonInvalid': '{{file}}: not valid JSON ({{reason}}). Check the file, or export it again.',
  'error.jsonInvalidAt':
    '{{file}}: not valid JSON at line {{line}}, column {{column}}. Check the quotes, commas and brackets there, or export the file again.',
  'error.flowInvalid':
    '{{file}}: the flow has {{count}} error(s). Fix them in the editor or run "sras validate {{file}}".',
  'error.flowProblem': '{{file}}: {{location}}{{message}}',
  'error.import': '{{file}}: {{message}}',
  'error.importRowsWarning': '{{file}}: {{count}} warning(s) in the data, for example:',
  'error.importMore': '… and {{count}} more.',
  'error.leadsJsonShape':
    '{{file}}: expected a JSON array of lead records; item {{index}} is not an object of strings, numbers and booleans.',
  'error.mapInvalid':
    '--map: "{{item}}" is not of the form 列名=field. Write for example --map 手机号码=phone,区域=province.',
  'error.nowInvalid':
    '--now: "{{value}}" is not a time. Write ISO 8601 (2026-05-01T09:30:00+08:00) or 2026-05-01 09:30.',
  'error.mapUnknownField':
    '--map: "{{item}}" maps to "{{field}}", which is not a lead field. Use one of: {{fields}}.',
  'error.nowYear':
    '--now: "{{value}}" has a year before 1000. Write a four-digit year, for example 2026-05-01 09:30.',
  'error.nowMonth':
    '--now: "{{value}}" has month {{month}}, but months run from 1 to 12. Write for example 2026-05-01 09:30.',
  'error.nowDay':
    '--now: "{{value}}" is not a date in the calendar: {{year}}-{{month}} has {{days}} days. Write for example 2026-05-01 09:30.',
  'error.nowTimeOfDay':
    '--now: "{{value}}" has a time of day outside 00:00 to 23:59:59. Write for example 2026-05-01 09:30.',
  'error.nowOffset':
    '--now: "{{value}}" has the UTC offset {{offset}}, but offsets run from -12:00 to +14:00. Write for example 2026-05-01T09:30:00+08:00.',
  'error.langUnsupported':
    '--lang: "{{value}}" is not a supported language. Use zh-CN (Chinese) or en (English).',
  'error.sheetInvalid': '--sheet: "{{value}}" is not a sheet name or number.',
  'error.timeFieldMissing':
    '--time-field: the leads have no field "{{field}}". Their fields are: {{fields}}.',
  'error.outExtension': '--out: "{{file}}" must end in .csv or .xlsx.',
  'error.outSameAsInput':
    '--out: "{{file}}" is also an input file. Choose another file name so the input is not overwritten.',
  'error.repsEmpty': '{{file}}: the sales team is empty. Add at least one rep.',
  'error.repsJsonShape': '{{file}}: expected a JSON array of reps (or {"reps": [...]}).',
  'error.repJsonId': '{{file}}: rep [{{index}}] has no "id". Give every rep a unique id.',
  'error.existingNoOwner': '{{file}}: no owner column. Name it owner_id (or 负责人).',
  'error.existingNoKey': '{{file}}: no phone, email or company column to match leads on.',
  'error.existingOwnerMissing':
    '{{file}} row {{row}}: owner_id is empty. Fill it in or delete the row.',
  'error.stateInvalid':
    '{{file}}: not a valid state file ({{reason}}). Use a file written by --save-state, or leave --state out to start fresh.',
  'error.stateIssue':
    '{{file}}: {{reason}} Use a file written by --save-state, or leave --state out to start fresh.',
  'error.fileIssue': '{{file}}: {{reason}} Correct it in the file and run the command again.',
  'error.engineInput': '{{message}}',
  'error.writeFailed': 'Could not write {{file}} ({{reason}}). Nothing was written.',
  'field.rep': 'Field "{{name}}" of rep {{number}}',
  'field.repEntry': 'Rep {{number}}',
  'field.team': 'The sales team',
  'field.entry': 'Entry {{number}}',
  'field.entryField': 'Field "{{name}}" of entry {{number}}',
  'field.owners': 'The list of existing owners',
  'field.state': 'Field "{{name}}" of the state',
  'field.stateRoot': 'The state',

  'validate.ok': '{{file}}: no problems.',
  'validate.counts': '{{file}}: {{errors}} error(s), {{warnings}} warning(s).',
  'validate.problem': '{{severity}} {{location}}{{message}}',
  'hint.mapColumn':
    'To read a column of {{file}} as "{{column}}", add --map "HEADER={{column}}" with the header of that column; otherwise change the node in the editor.',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'location.node': 'node {{nodeId}}',
  'location.edge': 'edge {{edgeId}}',
  'location.field': '{{field}}',

  'progress.reading': 'Reading {{file}}: {{rows}} rows…',
  'progress.allocating': 'Allocating {{count}} leads…',
  'progress.writing': 'Writing {{file}}…',
  'allocate.encoding': '{{file}}: read as {{encoding}} ({{reason}}).',
  'allocate.encoding.bom': 'byte order mark',
  'allocate.encoding.forced': 'chosen with --encoding',
  'allocate.encoding.valid-utf-8': 'valid UTF-8',
  'allocate.encoding.invalid-utf-8': 'not valid UTF-8',
  'allocate.encoding.overridden':
    '{{file}}: the byte order mark says {{encoding}}, so --encoding {{forced}} was not used.',
  'allocate.header':
    '{{file}}: header on row {{row}}, {{rows}} leads, {{skipped}} blank row(s) skipped.',
  'allocate.placeholders':
    '{{file}}: read {{count}} placeholder value(s) such as "{{value}}" as empty (--keep-placeholders keeps them).',
  'allocate.existingWithoutOwner':
    '{{file}}: {{count}} customer(s) have no owner_id and are not used for matching.',
  'allocate.done':
    'Allocated {{total}} leads: {{assigned}} assigned, {{unassigned}} unassigned. Wrote {{out}}.',
  'capNotes.title': 'Limits that sent leads on:',
  'capNotes.advice':
    "Without --time-field, every lead counts on the day of --now. To send fewer leads to the pool, raise the reps' capacity in the reps file or the quota limit in the flow, or pass --time-field with the column that holds each lead's own time.",
} as const;

export type CliMessageKey = keyof typeof en;

const zhCn: Record<CliMessageKey, string> = {
  'help.program': '校验线索分配流程，并用它分配表格中的线索。',
  'help.title.Usage:': '用法：',
  'help.title.Options:': '选项：',
  'help.title.Commands:': '命令：',
  'help.title.Arguments:': '参数：',
  'help.title.Global Options:': '全局选项：',
  'help.version': '显示版本号',
  'help.help': '显示命令的帮助',
  'help.helpCommand': '显示命令的帮助',
  'help.lang': '提示语言：zh-CN 或 en（默认根据 LANG）',
  'help.validate': '检查流程文件并列出问题；有错误时退出码为 1',
  'help.validate.flow': '流程文件（JSON，格式 sras.flow）',
  'help.validate.leads': '流程将要分配的线索文件；列出节点读取但文件中没有的列',
  'help.allocate': '用流程分配表格中的线索，并写出结果文件',
  'help.allocate.flow': '流程文件（JSON）',
  'help.allocate.leads': '线索：CSV、TSV、TXT、XLSX、XLS，或 JSON（记录数组）',
  'help.allocate.reps':
    '销售团队：JSON，或含以下列的 CSV/XLSX：编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索（或 id,name,team,active,weight,capacity_day,capacity_week,capacity_month,unavailable,open_leads）',
  'help.allocate.out': '结果文件：.csv（带 BOM 的 UTF-8）或 .xlsx',
  'help.allocate.existing': '已有负责人的客户：含 phone、email、company 和 owner_id 列',
  'help.allocate.state': '上次运行保存的状态（轮询位置、配额计数、撞单键）',
  'help.allocate.saveState': '把本次运行后的状态写入该文件',
  'help.allocate.now': '分配时间，ISO 8601 或 YYYY-MM-DD HH:mm（默认当前时间）',
  'help.allocate.timeField': '线索中保存各自分配时间的字段',
  'help.allocate.map': '把列映射到字段：列名=field,…（例如 手机号码=phone,区域=province）',
  'help.allocate.summary': '把按销售、节点、连线和原因的统计写成 JSON 文件',
  'help.allocate.sheet': '要读取的工作表（名称或从 1 开始的序号；默认第一个有数据的表）',
  'help.allocate.encoding': '没有 BOM 的文本文件的编码：utf-8 或 gb18030（默认自动识别）',
  'help.allocate.keepPlaceholders': '保留“Select”“请选择”等占位值，不当作空值',

  'error.prefix': '错误：',
  'error.usage': '{{message}}运行“sras {{command}}--help”查看可用选项。',
  'error.unknownOption': '未知选项 {{option}}。',
  'error.missingArgument': '缺少参数 {{argument}}。',
  'error.missingOption': '缺少选项 {{option}}。',
  'error.optionArgumentMissing': '选项 {{option}} 需要一个值。',
  'error.unknownCommand': '未知命令 {{command}}。',
  'error.tooManyArguments': '参数过多。',
  'error.fileNotFound': '{{file}}：文件不存在。请检查路径。',
  'error.fileUnreadable': '{{file}}：无法读取（{{reason}}）。',
  'error.jsonInvalid': '{{file}}：不是有效的 JSON（{{reason}}）。请检查文件，或重新导出。',
  'error.jsonInvalidAt':
    '{{file}}：第 {{line}} 行第 {{column}} 列处不是有效的 JSON。请检查该处的引号、逗号和括号，或重新导出文件。',
  'error.flowInvalid':
    '{{file}}：流程有 {{count}} 个错误。请在编辑器中修正，或运行“sras validate {{file}}”查看。',
  'error.flowProblem': '{{file}}：{{location}}{{message}}',
  'error.import': '{{file}}：{{message}}',
  'error.importRowsWarning': '{{file}}：数据中有 {{count}} 条提醒，例如：',
  'error.importMore': '……另有 {{count}} 条。',
  'error.leadsJsonShape':
    '{{file}}：应为线索记录的 JSON 数组；第 {{index}} 项不是由文本、数字和布尔值组成的对象。',
  'error.mapInvalid':
    '--map：“{{item}}”不是“列名=字段”的形式。例如 --map 手机号码=phone,区域=province。',
  'error.nowInvalid':
    '--now：“{{value}}”不是时间。请写 ISO 8601（2026-05-01T09:30:00+08:00）或 2026-05-01 09:30。',
  'error.mapUnknownField':
    '--map：“{{item}}”映射到“{{field}}”，这不是线索字段。请使用以下之一：{{fields}}。',
  'error.nowYear': '--now：“{{value}}”的年份早于 1000 年。请写四位年份，例如 2026-05-01 09:30。',
  'error.nowMonth':
    '--now：“{{value}}”的月份是 {{month}}，但月份只能是 1 到 12。例如 2026-05-01 09:30。',
  'error.nowDay':
    '--now：“{{value}}”不是日历上的日期：{{year}} 年 {{month}} 月只有 {{days}} 天。例如 2026-05-01 09:30。',
  'error.nowTimeOfDay':
    '--now：“{{value}}”的时刻不在 00:00 到 23:59:59 之间。例如 2026-05-01 09:30。',
  'error.nowOffset':
    '--now：“{{value}}”的时区偏移 {{offset}} 超出范围，偏移只能在 -12:00 到 +14:00 之间。例如 2026-05-01T09:30:00+08:00。',
  'error.langUnsupported': '--lang：不支持“{{value}}”。请使用 zh-CN（中文）或 en（英文）。',
  'error.sheetInvalid': '--sheet：“{{value}}”不是工作表名称或序号。',
  'error.timeFieldMissing': '--time-field：线索中没有字段“{{field}}”。现有字段：{{fields}}。',
  'error.outExtension': '--out：“{{file}}”必须以 .csv 或 .xlsx 结尾。',
  'error.outSameAsInput': '--out：“{{file}}”同时是输入文件。请换一个文件名，以免覆盖输入。',
  'error.repsEmpty': '{{file}}：销售团队为空。请至少添加一名销售。',
  'error.repsJsonShape': '{{file}}：应为销售的 JSON 数组（或 {"reps": [...]}）。',
  'error.repJsonId': '{{file}}：第 [{{index}}] 名销售没有 "id"。请给每名销售一个唯一编号。',
  'error.existingNoOwner': '{{file}}：没有负责人列。请把列名写成 owner_id（或 负责人）。',
  'error.existingNoKey': '{{file}}：没有可用于匹配的 phone、email 或 company 列。',
  'error.existingOwnerMissing': '{{file}} 第 {{row}} 行：owner_id 为空。请填写或删除该行。',
  'error.stateInvalid':
    '{{file}}：不是有效的状态文件（{{reason}}）。请使用 --save-state 写出的文件，或去掉 --state 从头开始。',
  'error.stateIssue':
    '{{file}}：{{reason}}请使用 --save-state 写出的文件，或去掉 --state 从头开始。',
  'error.fileIssue': '{{file}}：{{reason}}请在文件中修改后重新运行命令。',
  'error.engineInput': '{{message}}',
  'error.writeFailed': '无法写入 {{file}}（{{reason}}）。没有写出任何文件。',
  'field.rep': '第 {{number}} 名销售的字段"{{name}}"',
  'field.repEntry': '第 {{number}} 名销售',
  'field.team': '销售团队',
  'field.entry': '第 {{number}} 项',
  'field.entryField': '第 {{number}} 项的字段"{{name}}"',
  'field.owners': '已有负责人列表',
  'field.state': '状态的字段"{{name}}"',
  'field.stateRoot': '状态',

  'validate.ok': '{{file}}：没有问题。',
  'validate.counts': '{{file}}：{{errors}} 个错误，{{warnings}} 个警告。',
  'validate.problem': '{{severity}} {{location}}{{message}}',
  'hint.mapColumn':
    '要把 {{file}} 中的某一列当作"{{column}}"读取，请加上 --map "列名={{column}}"（列名换成该列的表头）；否则请在编辑器中修改该节点。',
  'severity.error': '错误',
  'severity.warning': '警告',
  'location.node': '节点 {{nodeId}}',
  'location.edge': '连线 {{edgeId}}',
  'location.field': '{{field}}',

  'progress.reading': '正在读取 {{file}}：{{rows}} 行……',
  'progress.allocating': '正在分配 {{count}} 条线索……',
  'progress.writing': '正在写入 {{file}}……',
  'allocate.encoding': '{{file}}：按 {{encoding}} 读取（{{reason}}）。',
  'allocate.encoding.bom': '文件带 BOM',
  'allocate.encoding.forced': '由 --encoding 指定',
  'allocate.encoding.valid-utf-8': '是有效的 UTF-8',
  'allocate.encoding.invalid-utf-8': '不是有效的 UTF-8',
  'allocate.encoding.overridden':
    '{{file}}：文件的 BOM 表明是 {{encoding}}，因此没有使用 --encoding {{forced}}。',
  'allocate.header': '{{file}}：表头在第 {{row}} 行，{{rows}} 条线索，跳过 {{skipped}} 个空行。',
  'allocate.placeholders':
    '{{file}}：已把 {{count}} 个占位值（如“{{value}}”）当作空值（--keep-placeholders 可保留）。',
  'allocate.existingWithoutOwner': '{{file}}：{{count}} 个客户没有负责人，不参与撞单匹配。',
  'allocate.done':
    '已分配 {{total}} 条线索：{{assigned}} 条有负责人，{{unassigned}} 条未分配。已写出 {{out}}。',
  'capNotes.title': '因上限而转出的线索：',
  'capNotes.advice':
    '不加 --time-field 时，所有线索都按 --now 的时间算在同一天。若要减少进入公海的线索，请在销售文件中提高销售的上限，或在流程中提高配额上限，或用 --time-field 指定保存每条线索时间的列。',
};

const CATALOGUE: Readonly<Record<CliLanguage, Record<CliMessageKey, string>>> = {
  en,
  'zh-CN': zhCn,
};

/** Parameters a message interpolates. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/** Words a command-line message in a language, filling `{{name}}` parameters. */
export function translate(
  language: CliLanguage,
  key: CliMessageKey,
  params: MessageParams = {},
): string {
  const template = CATALOGUE[language][key];
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

/** True for the keys of the catalogue. */
export function isMessageKey(key: string): key is CliMessageKey {
  return key in en;
}
