import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import { createSessionHarness, realFile, textFile } from '../test/import-harness';

describe('ImportSession', () => {
  const database = useFreshDatabase();

  it('reads xeducation_Leads.csv with every row and Select stored as empty', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('xeducation_Leads.csv'));

    const analysis = await harness.parse();

    expect(analysis.report.rowCount).toBe(9240);
    expect(analysis.columns).toHaveLength(37);
    expect(analysis.encoding).toEqual({ encoding: 'utf-8', reason: 'valid-utf-8' });
    expect(analysis.delimiter).toBe(',');
    expect(analysis.placeholders).toContainEqual(
      expect.objectContaining({ columnKey: 'City', value: 'Select', count: 2249, emptied: true }),
    );
    expect(analysis.sampleRows.some((row) => Object.values(row).includes('Select'))).toBe(false);
    expect(analysis.report.issues.some((issue) => issue.code === 'placeholder-values')).toBe(false);
  });

  it('detects GBK and the header below the preamble of the Alipay export', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('alipay_example_gbk.csv'));

    const analysis = await harness.parse();

    expect(analysis.encoding).toEqual({ encoding: 'gb18030', reason: 'invalid-utf-8' });
    expect(analysis.headerRow).toBe(25);
    expect(analysis.report.rowCount).toBe(10);
    expect(analysis.columns.map((column) => column.header)).toContain('交易时间');
    expect(analysis.sampleRows[0]).toMatchObject({ 交易时间: '2023-02-12 21:32:14' });
  });

  it('keeps the BOM encoding over a chosen one and says so', async () => {
    const harness = createSessionHarness();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode('客户名称,省份\r\n杭州示例科技有限公司,浙江\r\n');
    await harness.open(new File([bom, body], 'bom.csv'));

    const analysis = await harness.parse({ encoding: 'gbk' });

    expect(analysis.encoding).toEqual({
      encoding: 'utf-8',
      reason: 'bom',
      overriddenEncoding: 'gb18030',
    });
    expect(analysis.sampleRows).toEqual([{ company: '杭州示例科技有限公司', province: '浙江' }]);
  });

  it('stores mapped columns under their field and the rest under their header', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('leads.csv', '姓名,手机,phone,其他\n张三,13800000000,x,y\n'));

    const analysis = await harness.parse();

    expect(
      analysis.columns.map((column) => [column.header, column.field, column.storageKey]),
    ).toEqual([
      ['姓名', 'name', 'name'],
      ['手机', 'phone', 'phone'],
      ['phone', 'tel', 'tel'],
      ['其他', null, '其他'],
    ]);
    expect(analysis.sampleRows[0]).toEqual({
      name: '张三',
      phone: '13800000000',
      tel: 'x',
      其他: 'y',
    });
  });

  it('keeps the placeholders the user keeps and empties the rest', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('xeducation_Leads.csv'));

    const analysis = await harness.parse({
      keptPlaceholders: [{ columnKey: 'City', value: 'Select' }],
    });

    expect(analysis.placeholders).toContainEqual(
      expect.objectContaining({ columnKey: 'City', value: 'Select', emptied: false }),
    );
    expect(analysis.placeholders).toContainEqual(
      expect.objectContaining({ columnKey: 'Specialization', value: 'Select', emptied: true }),
    );
    const sample = analysis.sampleRows[0];
    expect(sample?.city).toBe('Select');
    expect(sample?.Specialization).toBe('');
  });

  it('removes the type issues of emptied placeholders and keeps exact counts', async () => {
    const harness = createSessionHarness();
    const text = '编号,得分,城市\n1,Select,杭州\n2,abc,Select\n3,5,杭州\n';
    await harness.open(textFile('scores.csv', text));

    const keptAll = await harness.parse({
      columnTypes: { 得分: 'number' },
      keptPlaceholders: [
        { columnKey: '得分', value: 'Select' },
        { columnKey: '城市', value: 'Select' },
      ],
    });
    const emptiedScore = await harness.parse({
      columnTypes: { 得分: 'number' },
      keptPlaceholders: [{ columnKey: '城市', value: 'Select' }],
    });

    expect(keptAll.report.issueCounts['not-a-number']).toBe(2);
    expect(emptiedScore.report.issueCounts['not-a-number']).toBe(1);
    expect(
      emptiedScore.report.issues
        .filter((issue) => issue.code === 'not-a-number')
        .map((issue) => [issue.code, issue.row]),
    ).toEqual([['not-a-number', 3]]);
    expect(emptiedScore.sampleRows.map((row) => row.得分)).toEqual([null, 'abc', 5]);
  });

  it('checks columns typed as phone numbers', async () => {
    const harness = createSessionHarness();
    await harness.open(
      textFile('c.csv', '姓名,备用号码\n张三,13800000000\n李四,1.38E+10\n王五,12\n'),
    );

    const analysis = await harness.parse({ columnTypes: { 备用号码: 'phone' } });

    expect(analysis.report.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual(
      expect.arrayContaining([
        ['phone-scientific', 3, '备用号码'],
        ['phone-invalid', 4, '备用号码'],
      ]),
    );
    expect(analysis.columns.find((column) => column.key === '备用号码')?.type).toBe('phone');
  });

  it('applies remembered mappings to the next import of the same header', async () => {
    const first = createSessionHarness();
    await first.open(textFile('a.csv', '客户,电话号\nA公司,13800000000\n'));
    const parsed = await first.parse({ mapping: { 客户: 'company', 电话号: 'phone' } });
    expect(parsed.columns.map((column) => column.mappedBy)).toEqual(['user', 'user']);
    await first.send({ type: 'store', requestId: first.nextId(), name: 'A' });

    const second = createSessionHarness();
    await second.open(textFile('b.csv', '客户 ,电话号*,备注\nB公司,13900000000,x\n'));
    const analysis = await second.parse();

    expect(
      analysis.columns.map((column) => [column.header, column.field, column.mappedBy]),
    ).toEqual([
      ['客户', 'company', 'memory'],
      ['电话号*', 'phone', 'memory'],
      ['备注', 'remark', 'synonym'],
    ]);
    expect(await database().columnMappings.count()).toBe(2);
  });

  it('remembers a column the user unmapped', async () => {
    const first = createSessionHarness();
    await first.open(textFile('a.csv', '姓名,备注\nA,x\n'));
    await first.parse({ mapping: { 备注: null } });
    await first.send({ type: 'store', requestId: first.nextId(), name: 'A' });

    const second = createSessionHarness();
    await second.open(textFile('b.csv', '姓名,备注\nB,y\n'));
    const analysis = await second.parse();

    expect(analysis.columns[1]).toMatchObject({ header: '备注', field: null, mappedBy: 'memory' });
  });

  it('forgets user mappings of columns that a new header row does not have', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('alipay_example_gbk.csv'));

    const analysis = await harness.parse({
      headerRow: 25,
      mapping: { 交易对方: 'name', 不存在: 'city' },
    });

    expect(analysis.columns.find((column) => column.key === '交易对方')?.field).toBe('name');
  });

  it('reports an unreadable file with its import error code', async () => {
    const harness = createSessionHarness();
    await harness.open(
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'broken.xlsx'),
    );

    const answer = await harness.send({
      type: 'parse',
      requestId: harness.nextId(),
      settings: {
        headerRow: 'auto',
        mapping: {},
        columnTypes: {},
        keptPlaceholders: [],
        kind: 'leads',
      },
    });

    expect(answer).toMatchObject({ type: 'failed', failure: { code: 'workbook-unreadable' } });
  });

  it('reports a header without data rows as an error and refuses to store it', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('header-only.csv', '姓名,手机,省份\n'));

    const analysis = await harness.parse({ kind: 'leads' });
    const answer = await harness.send({ type: 'store', requestId: harness.nextId(), name: 'x' });

    expect(analysis.report.rowCount).toBe(0);
    expect(analysis.report.issueCounts['no-data-rows']).toBe(1);
    expect(analysis.report.errorCount).toBe(1);
    expect(answer).toMatchObject({ type: 'failed', failure: { code: 'no-data-rows' } });
    expect(await database().datasets.count()).toBe(0);
  });

  it('rejects a binary file renamed .csv', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('program-renamed.csv'));

    const answer = await harness.send({
      type: 'parse',
      requestId: harness.nextId(),
      settings: {
        headerRow: 'auto',
        mapping: {},
        columnTypes: {},
        keptPlaceholders: [],
        kind: 'leads',
      },
    });

    expect(answer).toMatchObject({ type: 'failed', failure: { code: 'file-binary' } });
  });
});

describe('ImportSession datasets of other kinds', () => {
  const database = useFreshDatabase();

  it('names the missing fields of an existing-owners list and refuses to store it', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('owners.csv', '客户名称,地址\nA公司,杭州\n'));

    const analysis = await harness.parse({ kind: 'owners' });
    const answer = await harness.send({ type: 'store', requestId: harness.nextId(), name: 'x' });

    expect(analysis.kindCheck).toEqual({
      kind: 'owners',
      ok: false,
      missing: [{ fields: ['owner'], level: 'required' }],
    });
    expect(answer).toMatchObject({ type: 'failed', failure: { code: 'kind-incomplete' } });
    expect(await database().datasets.count()).toBe(0);
  });

  it('stores an existing-owners list with the owner under owner_id', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('owners.csv', '客户名称,手机,负责人\nA公司,13800000000,r1\n'));

    const analysis = await harness.parse({ kind: 'owners' });
    const answer = await harness.send({
      type: 'store',
      requestId: harness.nextId(),
      name: '老客户',
    });

    expect(analysis.kindCheck.ok).toBe(true);
    expect(answer.type).toBe('stored');
    const chunk = await database().datasetRows.toArray();
    expect(chunk[0]?.rows).toEqual([{ company: 'A公司', phone: '13800000000', owner_id: 'r1' }]);
    const [dataset] = await database().datasets.toArray();
    expect(dataset).toMatchObject({ name: '老客户', kind: 'owners', rowCount: 1 });
    expect(dataset?.columns.map((column) => [column.key, column.field])).toEqual([
      ['company', 'company'],
      ['phone', 'phone'],
      ['owner_id', 'owner'],
    ]);
  });

  it('types the amount, close date and won flag of deals', async () => {
    const harness = createSessionHarness();
    const text = '负责人,金额,阶段,成交日期,是否成交\nr1,"12,000.50",赢单,2026/3/5,是\n';
    await harness.open(textFile('deals.csv', text));

    const analysis = await harness.parse({ kind: 'deals' });

    expect(analysis.kindCheck).toEqual({ kind: 'deals', ok: true, missing: [] });
    expect(analysis.sampleRows[0]).toEqual({
      owner: 'r1',
      amount: 12000.5,
      stage: '赢单',
      closedAt: '2026-03-05',
      wonFlag: true,
    });
  });

  it('types the created date of deals and reports one that is not a date', async () => {
    const harness = createSessionHarness();
    const text =
      '负责人,金额,阶段,创建日期,成交日期\nr1,100,赢单,2027/1/8,2027-01-09\nr2,100,赢单,01/10/2027,2027-01-12\n';
    await harness.open(textFile('deals.csv', text));

    const analysis = await harness.parse({ kind: 'deals' });

    expect(analysis.columns.find((column) => column.field === 'createdAt')?.type).toBe('date');
    expect(analysis.sampleRows[0]).toMatchObject({ createdAt: '2027-01-08' });
    expect(analysis.report.issues).toContainEqual(
      expect.objectContaining({
        code: 'not-a-date',
        row: 3,
        column: '创建日期',
        value: '01/10/2027',
      }),
    );
  });

  it('warns about a negative deal amount and not about contact columns', async () => {
    const harness = createSessionHarness();
    const text =
      '负责人,成交金额,阶段,成交日期\nr1,120000,赢单,2026/3/5\nr2,-80000,赢单,2026/3/6\n';
    await harness.open(textFile('deals.csv', text));

    const analysis = await harness.parse({ kind: 'deals' });

    expect(analysis.report.issueCounts['no-contact-column']).toBeUndefined();
    expect(analysis.report.issues).toEqual([
      expect.objectContaining({ code: 'amount-negative', row: 3, column: '成交金额' }),
    ]);
  });

  it('warns a leads list without a phone or e-mail column', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('leads.csv', '姓名,省份\n张三,浙江\n'));

    const analysis = await harness.parse({ kind: 'leads' });

    expect(analysis.report.issueCounts['no-contact-column']).toBe(1);
  });

  it('asks a deals list for a won flag, status or stage', async () => {
    const harness = createSessionHarness();
    await harness.open(textFile('deals.csv', '负责人,金额\nr1,100\n'));

    const analysis = await harness.parse({ kind: 'deals' });

    expect(analysis.kindCheck.missing).toEqual([
      { fields: ['wonFlag', 'status', 'stage'], level: 'required' },
      { fields: ['closedAt'], level: 'recommended' },
    ]);
  });
});
