import { describe, expect, it } from 'vitest';
import { defaultReferralGuidance, formatPolicyProblems, parsePolicy, policyKeys } from './policy-schema';

describe('machine policy', () => {
  it('needs only organisation and role; every other key has its documented default', () => {
    const parsed = parsePolicy({ organisation: 'BZ', role: 'teamlead' });
    expect(parsed).toEqual({
      ok: true,
      policy: {
        organisation: 'BZ',
        role: 'teamlead',
        lockAfterMinutes: 10,
        allowOsKeyWrap: false,
        retentionMonths: 24,
        kAnonymity: 5,
        releaseFloor: { period: 'month' },
        illustrationsPerCell: 2,
        reviewWithinDays: 5,
        referralGuidance: defaultReferralGuidance,
        schedule: { officerToLead: '0 9 * * 1', leadToCentral: '0 9 1 * *' },
        language: 'nl',
        updates: 'off',
        reportPeriod: 'quarter',
        expectedEvery: 'month',
        reportMinimum: 10,
      },
      warnings: [],
    });
  });

  it('sends 0 to 5 summaries per cell as illustrations', () => {
    const withIllustrations = (n: unknown) => parsePolicy({ organisation: 'BZ', role: 'teamlead', illustrationsPerCell: n });
    expect(withIllustrations(0)).toMatchObject({ ok: true, policy: { illustrationsPerCell: 0 } });
    expect(withIllustrations(6)).toMatchObject({ ok: false, problems: [{ key: 'illustrationsPerCell', message: 'must be at most 5' }] });
    expect(withIllustrations(1.5)).toMatchObject({ ok: false, problems: [{ key: 'illustrationsPerCell' }] });
  });

  it('keeps released cells at a month or coarser unless IT gives a reason for weeks, and never releases a day', () => {
    const floor = (releaseFloor: unknown, extra: Record<string, unknown> = {}) => parsePolicy({ organisation: 'BZ', role: 'teamlead', releaseFloor, ...extra });
    expect(floor({ period: 'quarter', region: 'province' })).toMatchObject({ ok: true, policy: { releaseFloor: { period: 'quarter', region: 'province' } } });
    expect(floor({ period: 'day' })).toMatchObject({
      ok: false,
      problems: [{ key: 'releaseFloor', message: 'period: must be one of "week", "month", "quarter"' }],
    });
    const week = floor({ period: 'week' });
    expect(!week.ok && week.problems.map((p) => p.key)).toEqual(['releaseFloorReason']);
    expect(floor({ period: 'week' }, { releaseFloorReason: 'Weekly picture during the election campaign' })).toMatchObject({ ok: true });
  });

  it('takes role central with its enrolled teams, each name and signer used once, and the report settings', () => {
    const signer = 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6';
    const other = 'RWTioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6';
    const teams = [
      { name: 'team-szw', organisation: 'SZW', signer },
      { name: 'team-bz', organisation: 'BZ', signer: other, expectedEvery: 'quarter' },
    ];
    const parsed = parsePolicy({ organisation: 'NCTV', role: 'central', teams, reportPeriod: 'month', reportMinimum: 20 });
    expect(parsed).toMatchObject({ ok: true, policy: { role: 'central', teams, reportPeriod: 'month', expectedEvery: 'month', reportMinimum: 20 } });
    const twice = parsePolicy({ organisation: 'NCTV', role: 'central', teams: [teams[0], { ...teams[1], signer }] });
    expect(twice).toMatchObject({ ok: false, problems: [{ key: 'teams', message: '1.signer: is used twice (also by entry 0)' }] });
    const wrong = parsePolicy({ organisation: 'NCTV', role: 'central', teams: [{ ...teams[0], organisation: 'AIVD' }], reportPeriod: 'week' });
    expect(wrong).toMatchObject({
      ok: false,
      problems: [
        { key: 'teams', message: '0.organisation: must be one of "SZW", "BZ", "NCTV"' },
        { key: 'reportPeriod', message: 'must be one of "quarter", "month"' },
      ],
    });
  });

  it('names every wrong key and what is wrong with it, not only the first', () => {
    const parsed = parsePolicy({ organisation: 'AIVD', lockAfterMinutes: 0, allowOsKeyWrap: 'yes', language: 'de' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { key: 'organisation', message: 'must be one of "SZW", "BZ", "NCTV"' },
      { key: 'role', message: 'is required' },
      { key: 'lockAfterMinutes', message: 'must be at least 1' },
      { key: 'allowOsKeyWrap', message: 'must be a boolean' },
      { key: 'language', message: 'must be one of "nl", "en"' },
    ]);
    expect(formatPolicyProblems(parsed.problems)).toContain('organisation: must be one of');
  });

  it('warns about unknown keys and ignores them, so a newer template does not stop an older app', () => {
    const parsed = parsePolicy({ organisation: 'NCTV', role: 'officer', futureKey: 1 });
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings).toEqual([{ key: 'futureKey', message: 'unknown key, ignored' }]);
    if (parsed.ok) expect(parsed.policy).not.toHaveProperty('futureKey');
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, [], 'x', 3]) expect(parsePolicy(raw).ok).toBe(false);
  });

  it('rejects fractional minutes and out-of-range values', () => {
    const base = { organisation: 'SZW', role: 'officer' };
    expect(parsePolicy({ ...base, lockAfterMinutes: 1.5 }).ok).toBe(false);
    expect(parsePolicy({ ...base, lockAfterMinutes: 481 }).ok).toBe(false);
  });

  it('takes k for the team bundle as a whole number of at least 2', () => {
    const base = { organisation: 'SZW', role: 'teamlead' };
    expect(parsePolicy({ ...base, kAnonymity: 3 })).toMatchObject({ ok: true, policy: { kAnonymity: 3 } });
    expect(parsePolicy({ ...base, kAnonymity: 1 })).toMatchObject({ ok: false, problems: [{ key: 'kAnonymity', message: 'must be at least 2' }] });
    expect(parsePolicy({ ...base, kAnonymity: 2.5 })).toMatchObject({ ok: false, problems: [{ key: 'kAnonymity' }] });
    expect(parsePolicy({ ...base, kAnonymity: 101 })).toMatchObject({ ok: false, problems: [{ key: 'kAnonymity' }] });
  });

  it('takes updates from an https feed only, and asks for the feed when updates are on', () => {
    const base = { organisation: 'SZW', role: 'officer' };
    expect(parsePolicy({ ...base, updates: 'notify', updateFeedUrl: 'https://updates.szw.example/obi/' }).ok).toBe(true);
    expect(parsePolicy({ ...base, updates: 'off', updateFeedUrl: 'https://updates.szw.example/obi/' }).ok).toBe(true);
    for (const url of ['http://updates.szw.example/', 'file:///C:/feed', 'updates.szw.example', '']) {
      expect(parsePolicy({ ...base, updateFeedUrl: url }), url).toMatchObject({
        ok: false,
        problems: [{ key: 'updateFeedUrl', message: 'must be an https:// URL' }],
      });
    }
    expect(parsePolicy({ ...base, updates: 'auto' })).toMatchObject({
      ok: false,
      problems: [{ key: 'updateFeedUrl', message: 'is required when updates is "notify" or "auto"' }],
    });
    // The rule waits until every key is valid on its own, so it never adds noise to a broken policy.
    expect(parsePolicy({ ...base, updates: 'sometimes' })).toMatchObject({ ok: false, problems: [{ key: 'updates' }] });
  });

  it('takes an optional minisign public key for taxonomy updates, without a default', () => {
    const base = { organisation: 'SZW', role: 'officer' };
    const parsed = parsePolicy(base);
    expect(parsed.ok && 'taxonomyKey' in parsed.policy).toBe(false);
    const taxonomyKey = 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6';
    expect(parsePolicy({ ...base, taxonomyKey })).toMatchObject({ ok: true, policy: { taxonomyKey } });
    for (const wrong of ['untrusted comment: minisign public key', `${taxonomyKey}=`, 'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs']) {
      expect(parsePolicy({ ...base, taxonomyKey: wrong })).toMatchObject({
        ok: false,
        problems: [{ key: 'taxonomyKey', message: 'must be a minisign public key (the second line of a minisign .pub file)' }],
      });
    }
  });

  it('refuses a schedule that can never fire or that the scheduler cannot read, naming the key and the field', () => {
    const base = { organisation: 'SZW', role: 'officer' };
    const schedule = (officerToLead: string) => parsePolicy({ ...base, schedule: { officerToLead } });
    for (const never of ['0 0 31 2 *', '0 9 30 2 *', '0 0 31 4,6,9,11 *', '0 0 0 31 2 *']) {
      expect(schedule(never), never).toEqual({
        ok: false,
        problems: [{ key: 'schedule', message: 'officerToLead: can never fire (no date matches it, as with 31 February)' }],
        warnings: [],
      });
    }
    expect(schedule('61 * * * *')).toMatchObject({
      ok: false,
      problems: [{ key: 'schedule', message: 'officerToLead: is not a cron expression the scheduler can read (Invalid value for minute: 61)' }],
    });
    expect(parsePolicy({ ...base, schedule: { leadToCentral: '0 0 30 2 *' } })).toMatchObject({
      ok: false,
      problems: [{ key: 'schedule', message: 'leadToCentral: can never fire (no date matches it, as with 31 February)' }],
    });
    // Rare is not never: the 29th of February, or the 31st of any month that has one.
    for (const rare of ['0 0 29 2 *', '0 9 31 * *', '0 9 L 2 *', '0 9 * * 1']) expect(schedule(rare).ok, rare).toBe(true);
  });

  it('refuses a team in which a name, a signer key or a recipient is used twice, naming the entry', () => {
    const base = { organisation: 'SZW', role: 'teamlead' };
    // Keys of the right shape; the schema checks the form of a key, the exchange checks the key.
    const signers = ['A', 'B', 'C'].map((c) => `RWS${c.repeat(53)}`);
    const recipients = ['q', 'p', 'z'].map((c) => `age1${c.repeat(58)}`);
    const member = (i: number, extra: Record<string, string> = {}) => ({ name: `officer-${i}`, signer: signers[i]!, recipient: recipients[i]!, ...extra });
    const team = (members: unknown[]) => parsePolicy({ ...base, team: members });
    expect(team([member(0), member(1), member(2)]).ok).toBe(true);
    expect(team([member(0), member(1), member(2, { name: 'officer-0' })])).toEqual({
      ok: false,
      problems: [{ key: 'team', message: '2.name: is used twice (also by entry 0)' }],
      warnings: [],
    });
    expect(team([member(0), member(1, { signer: signers[0]! })])).toMatchObject({
      ok: false,
      problems: [{ key: 'team', message: '1.signer: is used twice (also by entry 0)' }],
    });
    expect(team([member(0), member(1), member(2, { recipient: recipients[1]! })])).toMatchObject({
      ok: false,
      problems: [{ key: 'team', message: '2.recipient: is used twice (also by entry 1)' }],
    });
  });

  it('takes a folder or a WebDAV transport, and names what is wrong inside one', () => {
    const webdav = {
      kind: 'webdav',
      url: 'https://dropbox.example.nl/obi',
      outbox: '/o2l/',
      inbox: '/l2o/',
      caCert: '/etc/obi-werkplek/ca.pem',
      clientCert: '/etc/obi-werkplek/client.pem',
      clientKey: '/etc/obi-werkplek/client.key',
      pinnedKeys: ['sha256//47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
    };
    const base = { organisation: 'SZW', role: 'officer' };
    expect(parsePolicy({ ...base, transport: webdav })).toMatchObject({ ok: true, policy: { transport: webdav } });
    expect(parsePolicy({ ...base, transport: { kind: 'folder', outbox: 'a', inbox: 'b', afterImport: 'delete' } }).ok).toBe(true);
    const problem = (transport: Record<string, unknown>) => {
      const parsed = parsePolicy({ ...base, transport });
      return parsed.ok ? null : formatPolicyProblems(parsed.problems);
    };
    expect(problem({ ...webdav, url: 'http://dropbox.example.nl' })).toBe('transport: url: must be an https:// URL');
    expect(problem({ ...webdav, inbox: '../etc/' })).toMatch(/^transport: inbox: must be a collection path/);
    expect(problem({ ...webdav, inbox: '/a/../b/' })).toMatch(/^transport: inbox: must be a collection path/);
    expect(problem({ ...webdav, pinnedKeys: ['47DEQpj8HBSa'] })).toMatch(/^transport: pinnedKeys\.0: must be "sha256\/\/"/);
    const { clientCert: _, ...noCertificate } = webdav;
    expect(problem(noCertificate)).toBe('transport: clientCert: must be a string');
    expect(problem({ ...webdav, kind: 'ftp' })).toMatch(/^transport: kind: /);
  });

  it('describes every key in Dutch and English', () => {
    for (const spec of Object.values(policyKeys)) {
      expect(spec.description.nl.length).toBeGreaterThan(10);
      expect(spec.description.en.length).toBeGreaterThan(10);
    }
  });
});

describe('referral guidance for acute danger', () => {
  it('names the police emergency and non-emergency numbers, the AIVD and victim support in both languages', () => {
    for (const lines of [defaultReferralGuidance.nl, defaultReferralGuidance.en]) {
      const text = lines.join('\n');
      for (const must of ['112', '0900-8844', 'AIVD', 'Slachtofferhulp Nederland']) expect(text).toContain(must);
    }
  });

  it('can be replaced by IT, and refuses an empty line, naming where', () => {
    const own = { nl: ['Bel 112.'], en: ['Call 112.'] };
    expect(parsePolicy({ organisation: 'BZ', role: 'officer', referralGuidance: own })).toMatchObject({ ok: true, policy: { referralGuidance: own } });
    expect(parsePolicy({ organisation: 'BZ', role: 'officer', referralGuidance: { nl: [' '], en: ['Call 112.'] } })).toMatchObject({
      ok: false,
      problems: [{ key: 'referralGuidance', message: 'nl.0: must be at least 1' }],
    });
  });
});
