/**
 * The one test that reads the real content's data: the talks the five seed reports name are in
 * content/talks.yaml with their events and speakers (person ids), and the reports that discuss them
 * tie passages to them. Data, not page wording; more talks may be added freely.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';

const { talks, people, reports, problems } = checkContent({ dir: 'content' });

// [talk id, event id, speaker ids, kind, report that covers it]
const seeds: [string, string, string[], string, string][] = [
  ['operator-lifecycle-management', 'dok-day-eu-2022', ['julian-fischer'], 'talk', 'kubecon-eu-2022-and-dok-day-anynines'],
  ['kubernetes-is-your-platform', 'kubecon-eu-2022', ['rafael-fernandez-lopez', 'fabrizio-pandini'], 'talk', 'kubecon-eu-2022-and-dok-day-anynines'],
  ['k8s-after-the-honeymoon', 'kubecon-eu-2022', ['saad-malik', 'bailey-hayes', 'fabrizio-pandini'], 'panel', 'kubecon-eu-2022-and-dok-day-anynines'],
  ['kubecon-eu-2022-sig-architecture-update', 'kubecon-eu-2022', [], 'SIG session', 'kubecon-eu-2022-and-dok-day-anynines'],
  ['containerdays-2022-databases-with-operators', 'containerdays-2022', ['nicolas-vermande'], 'talk', 'containerdays-2022-what-i-learned'],
  ['fireside-chat-with-kelsey-hightower', 'containerdays-2024', ['kelsey-hightower'], 'fireside chat', 'containerdays-2024-hamburg'],
  ['building-a-platform-engineering-api-layer-with-kcp', 'containerdays-2024', ['marvin'], 'talk', 'containerdays-2024-hamburg'],
  ['pod-assignment-to-thousands-of-nodes', 'containerdays-2024', ['tasdik-rahman'], 'talk', 'containerdays-2024-hamburg'],
  ['kubecon-eu-2018-favourite-talk', 'kubecon-eu-2018', [], 'talk', 'kubecon-eu-2018-takeaways'],
];

describe('the seed reports’ talks are recorded in content/', () => {
  test('the content check passes', () => assert.deepEqual(problems, []));
  for (const [id, event, speakers, kind, report] of seeds) {
    test(id, () => {
      const talk = talks.find((t) => t.id === id);
      assert.ok(talk, `content/talks.yaml has no "${id}"`);
      assert.equal(talk.event, event);
      assert.deepEqual(talk.speakers, speakers);
      assert.equal(talk.kind, kind);
      const tied = reports.find((r) => r.id === report)?.data?.talks.map((t) => t.talk.id) ?? [];
      assert.ok(tied.includes(id), `${report} ties a passage to ${id}`);
    });
  }

  test('titles as the reports and FACTS.md give them; unknown titles stay "Untitled …"', () => {
    const title = (id: string) => talks.find((t) => t.id === id)?.title;
    assert.equal(title('operator-lifecycle-management'), 'Operator Lifecycle Management');
    assert.equal(title('kubernetes-is-your-platform'), 'Kubernetes is Your Platform: Design Patterns For Extensible Controllers');
    assert.equal(title('k8s-after-the-honeymoon'), "K8s After the Honeymoon: It's Complicated");
    assert.equal(title('pod-assignment-to-thousands-of-nodes'), 'How to make pod assignment to thousands of nodes every day easier');
    for (const id of ['kubecon-eu-2018-favourite-talk', 'kubecon-eu-2022-sig-architecture-update', 'containerdays-2022-databases-with-operators']) {
      assert.match(title(id) ?? '', /^Untitled /, id);
      assert.ok(talks.find((t) => t.id === id)?.note, `${id} says why it is untitled`);
    }
  });

  test('every report author is a person; the speaker-author of ContainerDays 2024 is one person', () => {
    const ids = new Set(people.map((p) => p.id));
    for (const r of reports) assert.ok(r.data && ids.has(r.data.author.id), r.id);
    assert.equal(reports.find((r) => r.id === 'containerdays-2024-hamburg')?.data?.author.id, 'tasdik-rahman');
  });
});
