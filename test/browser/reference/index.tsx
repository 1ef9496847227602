/**
 * The yardstick for the pane's first paint (firstPaint.test.ts): a page built like the official
 * Office add-in React template's task pane (React 18 + Fluent UI v9, rendered on Office.onReady):
 * a header with an image and a title, a list of three items with icons, a text box and a primary
 * button. Written for this test, not copied from the template.
 */
import { Button, FluentProvider, Image, Textarea, Title1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { DesignIdeas24Regular, LockOpen24Regular, Ribbon24Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    paddingTop: '40px',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  list: { listStyle: 'none', padding: 0, margin: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: `0 ${tokens.spacingHorizontalL}` },
});

const ITEMS = [
  { icon: <Ribbon24Regular />, text: 'Achieve more with Office integration' },
  { icon: <LockOpen24Regular />, text: 'Unlock features and functionality' },
  { icon: <DesignIdeas24Regular />, text: 'Create and visualize like a pro' },
];

function Reference() {
  const styles = useStyles();
  const [text, setText] = useState('Some text.');
  return (
    <div>
      <section className={styles.header}>
        <Image width="90" height="90" src="../assets/icon-80.png" alt="" />
        <Title1>Welcome</Title1>
      </section>
      <ul className={styles.list}>
        {ITEMS.map((item) => (
          <li key={item.text} className={styles.item}>
            {item.icon}
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
      <div className={styles.form}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} aria-label="Text to insert" />
        <Button appearance="primary" onClick={() => setText('')}>
          Insert text
        </Button>
      </div>
    </div>
  );
}

void Office.onReady(() => {
  createRoot(document.getElementById('container')!).render(
    <FluentProvider theme={webLightTheme}>
      <Reference />
    </FluentProvider>,
  );
});
