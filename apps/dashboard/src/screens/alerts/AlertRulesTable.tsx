import { Table } from '@mantine/core';
import { SeverityBadge } from '../../components/AlertBadges.js';
import type { AlertRule } from './alerts-api.js';

const threshold = (r: AlertRule) =>
  r.threshold.variable.startsWith('ALERT_')
    ? `${r.threshold.value} ${r.threshold.unit} (${r.threshold.variable})`
    : 'at once';

/** The rules the hub evaluates, with their configured thresholds. */
export function AlertRulesTable({ rules }: { rules: AlertRule[] }) {
  return (
    <Table>
      <caption style={{ position: 'absolute', left: -9999 }}>Alert rules and thresholds</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Opens when</Table.Th>
          <Table.Th>Threshold</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((r) => (
          <Table.Tr key={r.rule} data-testid={`alert-rule-${r.rule}`}>
            <Table.Td>{r.title}</Table.Td>
            <Table.Td>
              <SeverityBadge severity={r.severity} />
            </Table.Td>
            <Table.Td>{r.description}</Table.Td>
            <Table.Td>{threshold(r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
