function varargout = sequenceInputLayer(varargin)
%SEQUENCEINPUTLAYER  bigru.sequenceInputLayer under MATLAB's unqualified name; see help bigru.sequenceInputLayer.
[varargout{1:max(nargout, 1)}] = bigru.sequenceInputLayer(varargin{:});
end
