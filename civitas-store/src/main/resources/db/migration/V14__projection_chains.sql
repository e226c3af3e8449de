-- A projection records its position a ledger chain: the file ledger is one chain, the Kafka runtime's ledger topic
-- one a partition ('ledger/partition/3'). The vault's position on the file ledger was recorded as 'vault'.
UPDATE projections SET name = 'ledger' WHERE name = 'vault';
