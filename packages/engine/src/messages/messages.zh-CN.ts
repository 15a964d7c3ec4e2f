import type { EngineMessages } from './messages.en.js';

/** Simplified Chinese texts of the engine's codes; same keys as the English ones. */
export const messagesZhCn: EngineMessages = {
  problem: {
    'flow-json-invalid': '文件不是有效的 JSON（{{message}}）。请重新导出流程。',
    'flow-format-invalid': '这不是分配流程文件（格式为"{{format}}"）。请打开 sras 保存的文件。',
    'flow-version-invalid': '流程版本"{{version}}"不是大于或等于 1 的整数。请重新导出流程。',
    'flow-version-unsupported':
      '流程版本为 {{version}}，当前 sras 最高只能读取版本 {{supported}}。请升级 sras。',
    'flow-migration-missing': '没有从流程版本 {{version}} 升级的步骤。请升级 sras 或重新导出流程。',
    'schema-invalid': '字段 {{path}} 无效。请修改，或从 sras 重新导出流程。',
    'timezone-invalid': '时区"{{timezone}}"不是有效的 IANA 时区。请选择如 Asia/Shanghai 的时区。',
    'node-id-duplicate': '有两个节点的 ID 都是 {{nodeId}}。请为每个节点使用不同的 ID。',
    'edge-id-duplicate': '有两条连线的 ID 都是 {{edgeId}}。请为每条连线使用不同的 ID。',
    'node-type-unknown': '未知的节点类型"{{type}}"。请删除该节点或换成支持的节点。',
    'source-missing': '流程没有线索来源节点。请添加一个来源节点作为线索入口。',
    'source-multiple': '流程有 {{count}} 个来源节点，只能有一个。请删除多余的来源节点。',
    'edge-source-missing': '有一条连线从不存在的节点 {{source}} 出发，已忽略该连线。',
    'edge-target-missing': '有一条连线指向不存在的节点 {{target}}，已忽略该连线。',
    'edge-handle-unknown':
      '有一条连线从节点 {{source}} 的出口"{{handle}}"出发，但该节点没有这个出口，已忽略该连线。',
    'edge-handle-missing':
      '有一条连线没有指明从节点 {{source}} 的哪个出口出发（该节点有 {{handles}}），已忽略该连线。',
    'edge-handle-taken':
      '节点 {{source}} 的出口"{{handle}}"连了两条线。请保留一条，删除另一条（{{otherEdgeId}}）。',
    'edge-into-source': '有一条连线指向来源节点 {{target}}，来源节点没有入口。请删除这条连线。',
    cycle: '连线形成了循环（{{path}}）。请删除其中一条连线，让线索只向前流动。',
    'node-unreachable': '没有线索能到达这个节点。请把它接入流程或删除。',
    'handle-unconnected': '出口"{{handle}}"未连接。走到这里的线索将以"无去向"结束，不会分配。',
    'node-data-invalid': '字段 {{field}} 无效：应为 {{expected}}。',
    'condition-missing': '条件为空。请至少添加一条规则。',
    'condition-invalid': '条件在 {{path}} 处无效。请修改规则。',
    'condition-operator-not-allowed': '条件使用了不允许的运算"{{operator}}"。请改用规则编辑器。',
    'condition-unsafe-path':
      '条件读取的字段"{{field}}"含有不允许的路径片段"{{segment}}"。请使用普通字段名。',
    'condition-too-deep': '条件嵌套超过 {{maxDepth}} 层。请简化规则。',
    'condition-too-large': '条件超过 {{maxNodes}} 个部分。请拆分到多个节点。',
    'condition-in-text-list':
      '该规则判断取值是否为文本"{{value}}"的一部分，因为"in"对单个文本做的是子串匹配。若要匹配其中任一取值，请改用列表：{{items}}。',
    'condition-text-column-ordered':
      '该规则把列"{{field}}"与数字 {{value}} 比较大小，但数据集把这一列按文本保存，因此会按文本排序："9" 排在 "10" 之后。请改用"等于"或"属于"比较，或改用数字列。',
    'field-not-in-dataset':
      '该节点读取列"{{column}}"，但数据集没有这一列，所有线索在这一列都为空，依据这一列的规则无法区分线索。请在导入时把文件中的某一列映射为"{{column}}"，或修改节点，改读数据集已有的列。',
    'score-field-invalid': '评分字段名为空。请填写写入分数的字段。',
    'score-base-invalid': '基础分"{{value}}"不是数字。请填写数字，例如 0。',
    'score-points-invalid': '评分规则的分值"{{value}}"不是数字。请填写数字。',
    'case-id-invalid': '分支 ID"{{id}}"不可用。请使用非空且不是"else"的 ID。',
    'case-id-duplicate': '有两个分支的 ID 都是"{{id}}"。请为每个分支使用不同的 ID。',
    'region-field-invalid': '区域字段名为空。请选择存放地区的线索字段。',
    'region-id-invalid': '区域 ID"{{id}}"不可用。请使用非空且不是"else"的 ID。',
    'region-id-duplicate': '有两个区域的 ID 都是"{{id}}"。请为每个区域使用不同的 ID。',
    'region-value-invalid': '区域取值"{{value}}"不是文本。请填写省份或其他取值。',
    'region-value-duplicate':
      '取值"{{value}}"同时出现在区域"{{region}}"和"{{otherRegion}}"中。含该取值的线索将进入先匹配到的"{{region}}"。',
    'quota-limit-invalid':
      '配额上限"{{value}}"不是大于或等于 0 的整数。请填写每个周期最多放行的线索数。',
    'quota-period-invalid': '配额周期"{{value}}"无效。请选择天、周、月或累计。',
    'quota-per-invalid': '"按字段分别计数"的字段名为空。请选择线索字段或取消该选项。',
    'dedup-keys-empty': '撞单保护没有选择比对字段。请选择手机、邮箱或公司。',
    'dedup-key-unknown': '未知的撞单比对字段"{{key}}"。请使用手机、邮箱或公司。',
    'dedup-key-duplicate': '撞单比对字段"{{key}}"重复出现。',
    'assignees-empty': '没有选择销售。请至少添加一名销售。',
    'assignee-duplicate': '销售 {{repId}} 出现了两次。请删除其中一项。',
    'assignee-weight-invalid':
      '销售 {{repId}} 的权重"{{value}}"不是大于或等于 0 的数字。请填写权重，例如 1。',
    'rep-id-missing': '没有选择销售。请选择一名销售。',
    'rep-unknown': '销售 {{repId}} 不在销售团队中。请选择其他销售或先把其加入团队。',
    'rep-inactive': '销售 {{repName}}（{{repId}}）已停用，不会收到线索。',
  },

  reason: {
    assigned: '已分配给 {{owner}}。',
    'existing-owner': '撞单：已分配给原负责人 {{owner}}。',
    pool: '进入公海：{{reason}}。',
    'pool-no-reason': '进入公海。',
    'no-route': '未分配：节点 {{nodeId}} 的出口"{{handle}}"未连接。',
  },

  skip: {
    inactive: '{{repId}} 已停用',
    unavailable: '{{repId}} 休假中',
    'at-capacity-day': '{{repId}} 已达每日上限 {{limit}}',
    'at-capacity-week': '{{repId}} 已达每周上限 {{limit}}',
    'at-capacity-month': '{{repId}} 已达每月上限 {{limit}}',
    unknown: '{{repId}} 不在销售团队中',
  },

  /** Names of the node types, which name a node in messages. */
  capNote: {
    quota: '「{{node}}」已达{{period}}上限 {{limit}} 条，因此{{overflow}}。',
    quotaPer:
      '「{{node}}」对部分「{{per}}」取值已达{{period}}上限 {{limit}} 条，因此{{overflow}}。',
    capacity:
      '「{{node}}」的 {{active}} 名销售中有 {{full}} 名已达{{period}}上限（合计 {{capacity}} 条），因此{{overflow}}。',
    toNode: '{{count}} 条线索转到了「{{target}}」',
    toPool: '{{count}} 条线索进入公海（{{reason}}）',
    unconnected: '{{count}} 条线索从未连线的溢出出口离开',
    day: '每日',
    week: '每周',
    month: '每月',
    total: '累计',
  },

  nodeType: {
    source: '线索入口',
    filter: '筛选',
    score: '评分',
    branch: '条件分支',
    regionSplit: '区域拆分',
    quota: '配额',
    dedup: '撞单保护',
    roundRobin: '轮询分配',
    leastLoaded: '负载均衡',
    assign: '指定分配',
    pool: '公海',
    unknown: '未知节点',
  },

  /** A node whose name another node of the flow shares, told apart by its id. */
  nodeWithId: '{{label}}（{{id}}）',

  schema: {
    subject: {
      node: '节点"{{node}}"的{{field}}',
      edge: '连线"{{edge}}"的{{field}}',
      flow: '流程的{{field}}',
      document: '流程',
      field: '{{field}}',
    },
    issue: {
      missing: '{{subject}}缺失。请在文件中补上，或从 sras 重新导出流程。',
      type: '{{subject}}应为{{expected}}，但文件中是{{received}}。请改为{{expected}}，或从 sras 重新导出流程。',
      empty: '{{subject}}为空。请填写取值，或从 sras 重新导出流程。',
      tooShort: '{{subject}}至少应有 {{minimum}} 个字符。请补全，或从 sras 重新导出流程。',
      tooLong: '{{subject}}最多只能有 {{maximum}} 个字符。请缩短，或从 sras 重新导出流程。',
      tooFewEntries: '{{subject}}至少应有 {{minimum}} 项。请补上缺少的项，或从 sras 重新导出流程。',
      tooManyEntries:
        '{{subject}}最多只能有 {{maximum}} 项。请删除多余的项，或从 sras 重新导出流程。',
      atLeast:
        '{{subject}}应大于或等于 {{minimum}}，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      above:
        '{{subject}}应大于 {{minimum}}，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      atMost:
        '{{subject}}应小于或等于 {{maximum}}，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      below:
        '{{subject}}应小于 {{maximum}}，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      value: '{{subject}}应为{{values}}，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      format:
        '{{subject}}的格式不符合要求（{{format}}），文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      multiple:
        '{{subject}}应为 {{divisor}} 的倍数，但文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      keys: '{{subject}}含有当前版本 sras 不认识的字段：{{keys}}。请删除这些字段，或升级 sras。',
      union:
        '{{subject}}不符合任何一种允许的形式，文件中是{{received}}。请修改，或从 sras 重新导出流程。',
      invalid: '{{subject}}无效。请修改，或从 sras 重新导出流程。',
    },
    inputIssue: {
      missing: '{{subject}}缺失。',
      type: '{{subject}}应为{{expected}}，但实际是{{received}}。',
      empty: '{{subject}}为空。',
      tooShort: '{{subject}}至少应有 {{minimum}} 个字符。',
      tooLong: '{{subject}}最多只能有 {{maximum}} 个字符。',
      tooFewEntries: '{{subject}}至少应有 {{minimum}} 项。',
      tooManyEntries: '{{subject}}最多只能有 {{maximum}} 项。',
      atLeast: '{{subject}}应大于或等于 {{minimum}}，但实际是{{received}}。',
      above: '{{subject}}应大于 {{minimum}}，但实际是{{received}}。',
      atMost: '{{subject}}应小于或等于 {{maximum}}，但实际是{{received}}。',
      below: '{{subject}}应小于 {{maximum}}，但实际是{{received}}。',
      value: '{{subject}}应为{{values}}，但实际是{{received}}。',
      format: '{{subject}}的格式不符合要求（{{format}}），实际是{{received}}。',
      multiple: '{{subject}}应为 {{divisor}} 的倍数，但实际是{{received}}。',
      keys: '{{subject}}含有当前版本 sras 不认识的字段：{{keys}}。',
      union: '{{subject}}不符合任何一种允许的形式，实际是{{received}}。',
      invalid: '{{subject}}无效。',
    },
    input: {
      'duplicate-rep-id': '{{subject}}与前面的销售重复使用了编号"{{id}}"。',
      'state-not-object': '文件不是分配状态对象。',
      'state-format': '文件不是分配状态：其"format"不是"sras.state"。',
      'state-version-newer':
        '状态的版本是 {{version}}，比当前 sras 能读取的版本（{{supported}}）新。请升级 sras。',
      'state-version-invalid': '状态版本"{{version}}"不是大于或等于 1 的整数。',
    },
    requestIssue: {
      missing: '{{subject}}缺失。请补上后重新发送请求。',
      type: '{{subject}}应为{{expected}}，但请求中是{{received}}。请改为{{expected}}后重新发送请求。',
      empty: '{{subject}}为空。请填写取值后重新发送请求。',
      tooShort: '{{subject}}至少应有 {{minimum}} 个字符。请补全后重新发送请求。',
      tooLong: '{{subject}}最多只能有 {{maximum}} 个字符。请缩短后重新发送请求。',
      tooFewEntries: '{{subject}}至少应有 {{minimum}} 项。请补上缺少的项后重新发送请求。',
      tooManyEntries: '{{subject}}最多只能有 {{maximum}} 项。请减少数量，其余的分多次请求发送。',
      atLeast:
        '{{subject}}应大于或等于 {{minimum}}，但请求中是{{received}}。请修改后重新发送请求。',
      above: '{{subject}}应大于 {{minimum}}，但请求中是{{received}}。请修改后重新发送请求。',
      atMost: '{{subject}}应小于或等于 {{maximum}}，但请求中是{{received}}。请修改后重新发送请求。',
      below: '{{subject}}应小于 {{maximum}}，但请求中是{{received}}。请修改后重新发送请求。',
      value: '{{subject}}应为{{values}}，但请求中是{{received}}。请修改后重新发送请求。',
      format:
        '{{subject}}的格式不符合要求（{{format}}），请求中是{{received}}。请修改后重新发送请求。',
      multiple:
        '{{subject}}应为 {{divisor}} 的倍数，但请求中是{{received}}。请修改后重新发送请求。',
      keys: '{{subject}}含有服务器不接受的字段：{{keys}}。请删除这些字段后重新发送请求。',
      union: '{{subject}}不符合任何一种允许的形式，请求中是{{received}}。请修改后重新发送请求。',
      invalid: '{{subject}}无效。请修改后重新发送请求。',
    },
    field: {
      format: '格式（format）',
      version: '版本（version）',
      id: 'ID（id）',
      name: '名称（name）',
      description: '说明（description）',
      timezone: '时区（timezone）',
      nodes: '节点列表（nodes）',
      edges: '连线列表（edges）',
      nodeEntry: '条目',
      nodeId: 'ID（id）',
      nodeType: '节点类型（type）',
      nodePosition: '画布位置（position）',
      nodePositionX: '横坐标（position.x）',
      nodePositionY: '纵坐标（position.y）',
      nodeData: '设置（data）',
      edgeEntry: '条目',
      edgeId: 'ID（id）',
      edgeSource: '起点节点（source）',
      edgeTarget: '终点节点（target）',
      edgeSourceHandle: '出口（sourceHandle）',
      edgeTargetHandle: '入口（targetHandle）',
      other: '字段"{{name}}"',
    },
    expected: {
      string: '文本',
      number: '数字',
      int: '整数',
      boolean: '布尔值（true 或 false）',
      object: '对象（{…}）',
      record: '对象（{…}）',
      array: '列表（[…]）',
      null: 'null',
    },
    received: {
      missing: '空',
      text: '文本"{{value}}"',
      number: '数字 {{value}}',
      boolean: '布尔值 {{value}}',
      null: '空值 null',
      list: '一个列表',
      object: '一个对象',
    },
    or: '或',
    listSeparator: '、',
  },

  connection: {
    'source-missing': '起点节点已不存在。',
    'target-missing': '终点节点已不存在。',
    'self-loop': '节点不能连接到自身。',
    'target-has-no-input': '来源节点没有入口。',
    'handle-unknown': '该出口不存在。',
    'handle-taken': '该出口已有连线，每个出口只能连一条线。',
    cycle: '这条连线会形成循环。',
  },
};
