function layers = layersFromJava(la)
%LAYERSFROMJAVA  The layer array of a network, rebuilt from the Java side's layers (internal).
n = double(la.count());
parts = cell(n, 1);
for i = 1:n
  jl = la.layer(i - 1);
  type = char(jl.typeName());
  value = double(jl.size());
  switch type
    case 'sequenceInput'
      l = bigru.sequenceInputLayer(value);
    case {'bigru', 'gru', 'bilstm', 'lstm'}
      l = bigru.internal.layer(type, '', 'NumHiddenUnits', value, 'OutputMode', char(jl.outputMode()), ...
                               'ResetGateMode', char(jl.resetGateMode()), 'MergeMode', char(jl.mergeMode()));
    case 'fullyConnected'
      l = bigru.fullyConnectedLayer(value);
    case 'dropout'
      l = bigru.dropoutLayer(value);
    otherwise
      l = bigru.internal.layer(type, '');
  end
  l.Name = char(jl.name());
  parts{i} = l;
end
layers = vertcat(parts{:});
end
