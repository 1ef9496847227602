import { Caption1, Image, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  titles: { display: 'flex', flexDirection: 'column' },
});

export function Header() {
  const s = useStrings();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Image src="assets/icon-32.png" alt="" width={32} height={32} />
      <div className={styles.titles}>
        <Title3 as="h1">{s.appTitle}</Title3>
        <Caption1>{s.appSubtitle}</Caption1>
      </div>
    </header>
  );
}
