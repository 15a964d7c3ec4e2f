import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  CSV_LINE_END,
  buildResultRow,
  buildResultTable,
  createResultLayout,
  csvLine,
  formatReasonText,
  neutraliseFormula,
  resultCsvText,
  writeResultCsv,
  writeResultXlsx,
  type LeadOutcome,
  type ReasonTemplates,
} from '../src/index.js';

const REPS = [
  { id: 'r1', name: '李娜' },
  { id: 'r2', name: '张伟' },
];

const OUTCOME: LeadOutcome = {
  ownerId: 'r1',
  route: ['src:out', 'rr:assigned'],
  reason: 'assigned',
  reasonText: '已分配给 李娜 (r1)。',
  fields: { score: 85 },
};

const TEMPLATES: ReasonTemplates = {
  assigned: '已分配给 {{owner}}。',
  'existing-owner': '撞单：交给原负责人 {{owner}}。',
  pool: '进入公海：{{reason}}。',
  'pool-no-reason': '进入公海。',
  'no-route': '未分配：节点 {{nodeId}} 的出口“{{handle}}”没有连线。',
};

describe('buildResultTable', () => {
  it('keeps Chinese text and leading zeros as they are', () => {
    const table = buildResultTable(
      ['姓名', '手机', '邮编'],
      [{ 姓名: '王小明', 手机: '013800000000', 邮编: '010010' }],
      [OUTCOME],
      REPS,
    );
    expect(table.header).toEqual([
      '姓名',
      '手机',
      '邮编',
      'owner_id',
      'owner_name',
      'route',
      'reason',
      'reason_text',
      'score',
    ]);
    expect(table.rows[0]).toEqual([
      '王小明',
      '013800000000',
      '010010',
      'r1',
      '李娜',
      'src:out > rr:assigned',
      'assigned',
      '已分配给 李娜 (r1)。',
      '85',
    ]);
  });

  it('suffixes a written field named like an input column', () => {
    const table = buildResultTable(['score'], [{ score: '3' }], [OUTCOME], REPS);
    expect(table.header.at(-1)).toBe('score_result');
    expect(table.rows[0]?.[0]).toBe('3');
    expect(table.rows[0]?.at(-1)).toBe('85');
  });

  it('reads a column stored under another field name', () => {
    const layout = createResultLayout([{ header: '手机号码', field: 'phone' }], [], REPS);
    const row = buildResultRow(layout, { phone: '13900000000' }, { ...OUTCOME, fields: {} });
    expect(layout.header[0]).toBe('手机号码');
    expect(row[0]).toBe('13900000000');
  });

  it('writes numbers in plain notation and leaves blanks empty', () => {
    const table = buildResultTable(
      ['a', 'b', 'c'],
      [{ a: 13000000000, b: 0.036000000000000004, c: null }],
      [{ ...OUTCOME, ownerId: null, reason: 'pool', fields: {} }],
      REPS,
    );
    expect(table.rows[0]?.slice(0, 5)).toEqual(['13000000000', '0.036', '', '', '']);
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves other text alone', () => {
    expect(neutraliseFormula('广东=华南')).toBe('广东=华南');
  });
});

describe('result CSV', () => {
  it('starts with a byte order mark and ends every line with CRLF', () => {
    const text = resultCsvText(
      ['名称', '备注'],
      [
        ['示例,公司', '说"好"'],
        ['=HYPERLINK("x")', ''],
      ],
    );
    expect(text).toBe(`${CSV_BOM}名称,备注\r\n"示例,公司","说""好"""\r\n"'=HYPERLINK(""x"")",\r\n`);
  });

  it('gives the same bytes line by line as all at once', () => {
    const header = ['a', 'b'];
    const rows = [
      ['1', '=2'],
      ['中文', '010'],
    ];
    const joined = CSV_BOM + [header, ...rows].map((row) => csvLine(row) + CSV_LINE_END).join('');
    expect(new TextEncoder().encode(joined)).toEqual(writeResultCsv(header, rows));
  });
});

describe('writeResultXlsx', () => {
  it('writes every cell as text', () => {
    const bytes = writeResultXlsx(['手机', '公式'], [['013800000000', '=1+1']]);
    const workbook = XLSX.read(bytes, { type: 'array' });
    const sheet = workbook.Sheets.Result as XLSX.WorkSheet;
    expect(sheet.A2?.t).toBe('s');
    expect(sheet.A2?.v).toBe('013800000000');
    expect(sheet.B2?.t).toBe('s');
    expect(sheet.B2?.f).toBeUndefined();
    expect(sheet.B2?.v).toBe('=1+1');
  });
});

describe('formatReasonText', () => {
  const names = new Map(REPS.map((rep) => [rep.id, rep.name]));
  const base = { nodeId: 'rr', route: ['src:out'], poolReason: null };

  it('names the owner with the id', () => {
    expect(formatReasonText({ ...base, ownerId: 'r1', reason: 'assigned' }, names, TEMPLATES)).toBe(
      '已分配给 李娜 (r1)。',
    );
  });

  it('uses the id alone for an owner outside the team', () => {
    expect(
      formatReasonText({ ...base, ownerId: 'x9', reason: 'existing-owner' }, names, TEMPLATES),
    ).toBe('撞单：交给原负责人 x9。');
  });

  it('gives the pool reason, or none', () => {
    expect(
      formatReasonText(
        { ...base, ownerId: null, reason: 'pool', poolReason: '低分' },
        names,
        TEMPLATES,
      ),
    ).toBe('进入公海：低分。');
    expect(formatReasonText({ ...base, ownerId: null, reason: 'pool' }, names, TEMPLATES)).toBe(
      '进入公海。',
    );
  });

  it('names the unconnected output', () => {
    expect(
      formatReasonText(
        {
          ownerId: null,
          nodeId: 'f1',
          route: ['src:out', 'f1:else'],
          reason: 'no-route',
          poolReason: null,
        },
        names,
        TEMPLATES,
      ),
    ).toBe('未分配：节点 f1 的出口“else”没有连线。');
  });
});
